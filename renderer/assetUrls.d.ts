/** A file of a package, copied into the built app by Vite and imported as its address there. */
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
