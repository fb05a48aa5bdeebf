/** `npm run house`: the figures behind the layout test, for a reader (see house.ts). */
import { layerViolations, mutualImports, tableWriters } from "./house";

const shared = [...tableWriters()].filter(([, writers]) => writers.size > 1);
console.log(`Tables written by more than one feature: ${shared.length}`);
for (const [table, writers] of shared) console.log(`  ${table}: ${[...writers].join(", ")}`);
const mutual = mutualImports();
console.log(`Pairs of features that import each other: ${mutual.length}`);
for (const [a, b] of mutual) console.log(`  ${a} <-> ${b}`);
const crossings = layerViolations();
console.log(`Imports against the layers: ${crossings.length}`);
for (const crossing of crossings) console.log(`  ${crossing}`);
