// The few PouchDB 9 modules the team sync uses, typed as narrowly as it uses them.
// (@types/pouchdb-core pulls the DOM library into the Node service; these do not.)
declare module 'pouchdb-core' {
  /** Typed where it is used (pouch.ts, PouchStatic). */
  const PouchDB: unknown;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
