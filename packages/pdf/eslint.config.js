import { waymarkEslint } from '@waymark/config/eslint';

export default waymarkEslint({ dir: import.meta.dirname });
