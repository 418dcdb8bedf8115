/** The settings that the model server's messages tell the user to check. */
export const SETTING_BASE_URL = 'cekura.openaiCompatible.baseUrl';
export const SETTING_MODEL = 'cekura.openaiCompatible.model';
