import { describeEveryPageFor } from './every-page';

// The public's pages (see every-page.ts).
describeEveryPageFor(['anonymous']);
