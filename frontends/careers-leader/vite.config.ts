import { remoteViteConfig } from '@waymark/config/vite-remote';

export default remoteViteConfig({ name: 'careers-leader', devPort: 5176 });
