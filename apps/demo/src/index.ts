/**
 * The one-command demo: a reference server, two people and the echo bot, a scripted conversation and its
 * transcript.
 *
 * @packageDocumentation
 */

export { DEFAULT_DEMO_OPTIONS, type DemoOptions, type DemoResult, runDemo } from './demo.js';
