export { agree, plural, someOf } from '../../shared/words';
