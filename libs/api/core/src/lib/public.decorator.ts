import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'bt:public';

/** Open to anyone, signed in or not. Every route without it needs a signed-in user (see AccessGuard). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
