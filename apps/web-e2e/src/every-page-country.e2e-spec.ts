import { describeEveryPageFor } from './every-page';

// The country's pages: its ministry and its civil society (see every-page.ts).
describeEveryPageFor(['coordinator', 'cso']);
