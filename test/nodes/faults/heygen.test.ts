import { defineFaultMatrix } from './matrix';

defineFaultMatrix('heygen');
