import { defineResource } from '../types';
import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

export const tag = defineResource({ name: 'Tag', value: 'tag', description: 'A label on a contact' }, [add, getAll, remove]);
