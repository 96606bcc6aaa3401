import { describeEveryPageFor } from './every-page';

// The Commission's, its experts' and the admin's pages (see every-page.ts).
describeEveryPageFor(['commission', 'expert', 'admin']);
