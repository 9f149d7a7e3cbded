/**
 * The editor's schema: the strict article schema from shared/, so the editor,
 * the HTML importer and the validators can never disagree about what an
 * article may contain.
 */
export { articleSchema } from '../../shared/article/article-schema';
