import config from "@ita/eslint-config";

export default config;
