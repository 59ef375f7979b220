/** hacc's version: `hacc --version`, SARIF's tool.driver.version. Kept equal to package.json's (a test checks). */
export const HACC_VERSION = '0.1.0';
