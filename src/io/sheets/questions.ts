/** The Reflect questions of Worksheet #6, as the analysis layer defines them (one list for every view and file). */
export { REFLECT_QUESTIONS } from '../../analysis';
