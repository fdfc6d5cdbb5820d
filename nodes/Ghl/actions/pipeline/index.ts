import { defineResource } from '../types';
import * as getAll from './getAll.operation';

export const pipeline = defineResource({ name: 'Pipeline', value: 'pipeline', description: 'The stages opportunities move through' }, [getAll]);
