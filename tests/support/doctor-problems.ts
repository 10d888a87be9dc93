/**
 * Doctor's problem lines but those naming a feature whose module the
 * recorded target lacks (a feature added since the recording: its scenarios
 * are skipped there, and doctor rightly says so) and the count line: what
 * tests of other verdicts are about.
 */
export function besidesMissingModules(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line && !/^uat: features\/\S+\.feature: module .+ not installed: /.test(line) && !/^doctor: \d+ problems? /.test(line));
}
