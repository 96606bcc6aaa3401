import { viewerWith } from '@bt/api/identity/testing';
import { readsCountryRecords, writesCountryRecords } from './country-records-access';

const serbian = { countryCode: 'RS' };
const viewer = viewerWith;

describe("who reads and writes a country's track records and Action Plan", () => {
  it.each([
    ['the ministry of the country', viewer(['ministry'], 'RS'), false, true, true],
    ["another country's ministry", viewer(['ministry'], 'AL'), false, false, false],
    ['the Commission', viewer(['commission'], null), false, true, false],
    ['an expert of a mission on it', viewer(['expert'], null), true, true, false],
    ['an expert of no mission on it', viewer(['expert'], null), false, false, false],
    ["the country's civil society", viewer(['civil_society'], 'RS'), false, true, false],
    ["another country's civil society", viewer(['civil_society'], 'AL'), false, false, false],
    ['an admin', viewer(['admin'], null), false, false, false],
  ] as const)('%s', (_who, v, missionExpert, reads, writes) => {
    expect(readsCountryRecords(v, serbian, missionExpert)).toBe(reads);
    expect(writesCountryRecords(v, serbian)).toBe(writes);
  });
});
