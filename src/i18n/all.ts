/** Registers every translated catalogue; import for its side effect. */
import { ar } from './ar.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { registerMessages } from './index.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

registerMessages('ar', ar);
registerMessages('zh', zh);
registerMessages('fr', fr);
registerMessages('ru', ru);
registerMessages('es', es);
