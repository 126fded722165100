import { defineFaultMatrix } from './matrix';

defineFaultMatrix('viralsync');
