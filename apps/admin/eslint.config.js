import config from "@ita/eslint-config";

export default [...config, { ignores: ["build/**", ".svelte-kit/**"] }];
