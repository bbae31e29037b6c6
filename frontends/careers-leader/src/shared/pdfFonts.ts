import { browserFontLoader, type FontLoader } from '@waymark/pdf';

/*
 * The font files of this portal's PDFs (the governors' report) as the build emits them: each becomes an
 * asset beside the portal's chunks, and this map (file path → its address) sits in the chunk loaded when
 * a PDF is made, never in the page's first load. @waymark/pdf fetches only the files the text needs.
 */
const urls = {
  ...import.meta.glob<string>('../../node_modules/@fontsource/noto-sans/files/noto-sans-*-{400,700}-normal.woff', {
    query: '?url',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob<string>('../../node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-{400,700}-normal.woff', {
    query: '?url',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob<string>('../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-[0-9]*-{400,700}-normal.woff', {
    query: '?url',
    import: 'default',
    eager: true,
  }),
};

export const loadBrowserFont: FontLoader = browserFontLoader(urls, '../../node_modules/');
