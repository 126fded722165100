import { defineFaultMatrix } from './matrix';

defineFaultMatrix('socialsyncer');
