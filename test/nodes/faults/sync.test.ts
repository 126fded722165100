import { defineFaultMatrix } from './matrix';

defineFaultMatrix('sync');
