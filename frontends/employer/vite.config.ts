import { remoteViteConfig } from '@waymark/config/vite-remote';

export default remoteViteConfig({ name: 'employer', devPort: 5175 });
