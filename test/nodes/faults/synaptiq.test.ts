import { defineFaultMatrix } from './matrix';

defineFaultMatrix('synaptiq');
