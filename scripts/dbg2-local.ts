import { matchHeader } from "../analytics/roles.js";
for (const h of process.argv.slice(2)) console.log(h, matchHeader(h));
