/** `npm run zip`'s last step: the store listing beside the packages, in .output/store/ (see store/listing.ts). */
import { rmSync } from 'node:fs';
import { writeStoreListing } from '../store/listing';

const outDir = '.output/store';
rmSync(outDir, { recursive: true, force: true });
const written = writeStoreListing(outDir);
console.log(`Store listing in ${outDir}/:\n${written.map((path) => `  ${path}`).join('\n')}`);
