export { FileEditor, languageOf } from './FileEditor';
export type { FileEditorProps } from './FileEditor';
