declare module 'virtual:rdl-corpus' {
  const bundle: import('../lib/corpus/bundle').CorpusBundle;
  export default bundle;
}
