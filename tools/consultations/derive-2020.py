#!/usr/bin/env python3
"""Derives seeds/consultations/2020-wb-home-affairs.json from the Council note (seeds/sources/001_…):
the three Home Affairs topics, every question verbatim, the six partners as recipients, and the
Presidency's summary of the replies per question (published) with the partners each summary names.
Run: npm run consultations:derive"""
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / 'seeds/sources/001_6408319e66e9c84f.txt'
TARGET = ROOT / 'seeds/consultations/2020-wb-home-affairs.json'

RECIPIENTS = [
    {'country': 'AL', 'name': 'Albania, Ministry of Interior (demo)', 'mentions': ['Albania']},
    {'country': 'BA', 'name': 'Bosnia and Herzegovina, Ministry of Security (demo)', 'mentions': ['Bosnia and Herzegovina']},
    {'country': 'XK', 'name': 'Kosovo*, Ministry of Internal Affairs (demo)', 'mentions': ['Kosovo']},
    {'country': 'ME', 'name': 'Montenegro, Ministry of Interior (demo)', 'mentions': ['Montenegro']},
    {'country': 'MK', 'name': 'North Macedonia, Ministry of Interior (demo)', 'mentions': ['North Macedonia']},
    {'country': 'RS', 'name': 'Serbia, Ministry of Interior (demo)', 'mentions': ['Serbia']},
]

# Footnotes that the page layout dropped into the middle of a summary.
FOOTNOTE = re.compile(r'^\* This designation is without prejudice')


def derive():
    text = SOURCE.read_text(encoding='utf-8')
    body = text[text.index('\nHOME AFFAIRS\n'):text.index('\nANNEX\n')]
    topics = []
    question = None
    for raw in body.split('\n'):
        line = raw.strip()
        if not line or line in ('HOME AFFAIRS', 'Questions:'):
            continue
        topic = re.match(r'^(I|II|III) - (.+)$', line)
        if topic:
            topics.append({'title': topic.group(2), 'questions': []})
            question = None
            continue
        asked = re.match(r'^- \*+(.+?)\*+$', line)
        if asked:
            question = {'text': asked.group(1).strip(), 'summary': []}
            topics[-1]['questions'].append(question)
            continue
        if FOOTNOTE.match(line):
            continue
        question['summary'].append(line)
    for topic in topics:
        for q in topic['questions']:
            q['summary'] = '\n\n'.join(q['summary'])
            q['cited'] = [r['country'] for r in RECIPIENTS if any(m in q['summary'] for m in r['mentions'])]
    return {
        'title': 'EU-Western Balkans Justice and Home Affairs Dialogue: informal written consultation on Home Affairs',
        'reference': '8888/1/20 REV 1',
        'introduction': (
            'Bearing in mind the complex situation related to the COVID 19 pandemic, the Presidency decided not to hold the '
            'Senior Officials Meeting of EU Member States and the Western Balkans initially planned for 27 April in Brussels. '
            'In order to continue the mutual cooperation in matters of common interest and to provide contributions to the '
            'Ministerial Meeting scheduled for September 2020, the Presidency decided to launch a written consultation on the '
            'topics initially foreseen for discussion at the Senior Official Meeting.'
        ),
        # The note does not give the deadline; the summary was published with the note of 18 June 2020.
        'deadline': '2020-06-01T00:00:00Z',
        'publishedAt': '2020-06-18T00:00:00Z',
        'recipients': [{'country': r['country'], 'name': r['name']} for r in RECIPIENTS],
        'topics': topics,
    }


if __name__ == '__main__':
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(derive(), indent=2, ensure_ascii=False) + '\n', encoding='utf-8')
    print(f'wrote {TARGET.relative_to(ROOT)}')
