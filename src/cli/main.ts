import { Command, CommanderError, Option } from "commander";
import { FORMATS, RENDERERS } from "../../reports/index.js";
import { loadConfig, settingsFrom, type ConfigFile } from "../config-file.js";
import { EXIT, UsageError } from "../errors.js";
import { OutOfMemoryError } from "../memory.js";
import { oneLine } from "../one-line.js";
import { leastPrivilegePolicy, organizationStatements } from "../least-privilege.js";
import { SEVERITIES } from "../results.js";
import { TOOL_VERSION } from "../version.js";
import { demoSnapshotPath } from "../demo.js";
import {
  parseEndpoint,
  parseFailOn,
  parseWebhook,
  parseFormats,
  parseCompliance,
  parseList,
  parsePositiveInt,
  parseServiceConcurrency,
  parseRegions,
  parseServices,
  parseSeverityFilter,
  selectChecks,
} from "./options.js";
import { runScan, type ScanPlan } from "./run-scan.js";
import { parseAccountIds, parseShard, type OrganizationPlan } from "../organization.js";
import { runMerge } from "./merge.js";
import { catalogueMarkdown, catalogueText } from "./catalogue.js";
import { hasCredentials } from "../aws/credentials.js";
import { DEFAULT_SERVICE_CONCURRENCY, DEFAULT_TOTAL_CONCURRENCY, SERVICE_CONCURRENCY } from "../aws/concurrency.js";
import { loadBaseline } from "../baseline.js";
import { checkProfile } from "./preflight.js";
import { CHECKS, SERVICE_IDS } from "../services/index.js";

interface ScanFlags {
  profile?: string;
  regions?: string;
  services?: string;
  checks?: string;
  severity?: string;
  compliance?: string;
  top?: string;
  format: string;
  output?: string;
  outputDir?: string;
  endpointUrl?: string;
  failOn?: string;
  failOnNew?: string;
  baseline?: string;
  notify?: string;
  concurrency: string;
  serviceConcurrency?: string;
  collectAll?: boolean;
  saveSnapshot?: string;
  fromSnapshot?: string;
  config?: string;
  quiet?: boolean;
  organization?: boolean;
  accounts?: string;
  excludeAccounts?: string;
  roleName?: string;
  externalId?: string;
  accountConcurrency?: string;
  shard?: string;
}

/** --organization / --accounts and the flags that only mean something with one of them. */
function organizationFrom(flags: ScanFlags): OrganizationPlan | undefined {
  const multi = flags.organization === true || flags.accounts !== undefined;
  if (!multi) {
    const stray = (
      [
        ["--role-name", flags.roleName],
        ["--external-id", flags.externalId],
        ["--exclude-accounts", flags.excludeAccounts],
        ["--account-concurrency", flags.accountConcurrency],
        ["--shard", flags.shard],
      ] as const
    ).find(([, v]) => v !== undefined);
    if (stray) throw new UsageError(`${stray[0]} needs --organization or --accounts`);
    return undefined;
  }
  if (flags.organization && flags.accounts !== undefined) throw new UsageError("use --organization or --accounts, not both");
  if (flags.fromSnapshot !== undefined)
    throw new UsageError(
      `${flags.organization ? "--organization" : "--accounts"} scans live; --from-snapshot re-evaluates the accounts its snapshot holds`,
    );
  if (flags.roleName === undefined)
    throw new UsageError(
      `${flags.organization ? "--organization" : "--accounts"} needs --role-name (the role yourside assumes in each member account)`,
    );
  if (!/^[\w+=,.@/-]{1,64}$/.test(flags.roleName))
    throw new UsageError(`--role-name: not an IAM role name: ${JSON.stringify(flags.roleName)}`);
  return {
    organization: flags.organization === true,
    ...(flags.accounts !== undefined ? { accounts: parseAccountIds("--accounts", parseList("--accounts", flags.accounts)) } : {}),
    exclude:
      flags.excludeAccounts !== undefined
        ? parseAccountIds("--exclude-accounts", parseList("--exclude-accounts", flags.excludeAccounts))
        : [],
    roleName: flags.roleName,
    ...(flags.externalId !== undefined ? { externalId: flags.externalId } : {}),
    accountConcurrency: parsePositiveInt("--account-concurrency", flags.accountConcurrency ?? "4", 64),
    ...(flags.shard !== undefined ? { shard: parseShard(flags.shard) } : {}),
  };
}

const interactive = (): boolean => process.stderr.isTTY === true;

function planFrom(flags: ScanFlags, defaults: { failOn: string } = { failOn: "low" }): ScanPlan {
  const config: ConfigFile = flags.config !== undefined ? loadConfig(flags.config) : {};
  const formats = parseFormats(flags.format);
  if (flags.output !== undefined && flags.outputDir !== undefined) throw new UsageError("use --output or --output-dir, not both");
  const services = flags.services ? parseServices(flags.services) : undefined;
  const checkIds = flags.checks ? parseList("--checks", flags.checks) : undefined;
  const framework = flags.compliance !== undefined ? parseCompliance(flags.compliance) : undefined;
  const checks = selectChecks(CHECKS, {
    ...(services ? { services } : {}),
    ...(checkIds ? { checkIds } : {}),
    ...(framework ? { framework } : {}),
  });
  const severities = flags.severity ? parseSeverityFilter(flags.severity) : undefined;
  const endpointUrl = flags.endpointUrl !== undefined ? parseEndpoint(flags.endpointUrl) : undefined;
  const regions = flags.regions !== undefined ? parseRegions(flags.regions) : undefined;
  const baseline = flags.baseline !== undefined ? { path: flags.baseline, report: loadBaseline(flags.baseline) } : undefined;
  const quiet = flags.quiet === true || !interactive();
  const org = organizationFrom(flags);
  return {
    ...(org ? { org } : {}),
    checks,
    settings: settingsFrom(config),
    mutes: config.mutelist ?? [],
    formats,
    output: flags.output !== undefined ? { file: flags.output } : { dir: flags.outputDir ?? "." },
    failOn: parseFailOn("--fail-on", flags.failOn ?? defaults.failOn),
    ...(flags.failOnNew !== undefined ? { failOnNew: parseFailOn("--fail-on-new", flags.failOnNew) } : {}),
    ...(baseline ? { baseline } : {}),
    ...(flags.notify !== undefined ? { notify: parseWebhook(flags.notify) } : {}),
    ...(severities ? { severities } : {}),
    selection: {
      services: services ?? null,
      checks: checkIds ?? null,
      severities: severities ?? null,
      compliance: framework ?? null,
      regions: regions ?? null,
    },
    ...(flags.top !== undefined ? { top: parsePositiveInt("--top", flags.top, 10_000) } : {}),
    ...(flags.saveSnapshot !== undefined ? { saveSnapshot: flags.saveSnapshot } : {}),
    ...(flags.fromSnapshot !== undefined ? { fromSnapshot: flags.fromSnapshot } : {}),
    live: {
      ...(flags.profile ? { profile: flags.profile } : {}),
      ...(endpointUrl ? { endpointUrl } : {}),
      ...(regions ? { regions } : {}),
      concurrency: parsePositiveInt("--concurrency", flags.concurrency, 256),
      ...(flags.serviceConcurrency !== undefined ? { serviceConcurrency: parseServiceConcurrency(flags.serviceConcurrency, 256) } : {}),
      ...(flags.collectAll ? { collectAll: true } : {}),
    },
    progress: quiet ? () => {} : (m) => process.stderr.write(`yourside: ${m}\n`),
    warn: (m) => process.stderr.write(`yourside: warning: ${oneLine(m, MAX_MESSAGE)}\n`),
    ...(flags.quiet ? {} : { summary: (text: string) => process.stderr.write(text) }),
    color: interactive() && !process.env.NO_COLOR,
  };
}

const HELP_FOOTER = `
Examples:
  yourside demo                                  scan a bundled sample account, no AWS needed
  yourside scan                                  every check, every enabled region, default credentials
  yourside scan --profile audit --regions eu-west-1,us-east-1 --format json,sarif --output-dir out/
  yourside scan --services s3 --fail-on high --output - | jq .summary
  yourside scan --endpoint-url http://127.0.0.1:5000 --regions us-east-1   (moto / LocalStack)
  yourside scan --from-snapshot inventory.json   re-evaluate a saved inventory offline
  yourside scan --baseline last.json --fail-on-new high --output-dir out/   (cron: what is new since last time)
  yourside scan --compliance cis-6.0 --format table --output -   the CIS v6.0 checks, failing findings as a table
  yourside checks                                the check catalogue
  yourside policy                                the least-privilege IAM policy a scan needs

Exit codes (the first that applies):
  2    usage or configuration error (bad flag or file, no credentials): nothing scanned
  3    scan incomplete: some AWS calls failed (the report is written, with ERROR results);
       ERRORs a mutelist entry accepts do not count
  1    FAIL findings at or above --fail-on (with --fail-on-new: new ones only)
  0    none of the above
  4    internal error: a bug in yourside (please report it), or out of memory (the line says
       what it could not hold and how to raise the limit); the previous reports intact
  130  interrupted (Ctrl-C): no report written, the previous ones intact

Credentials come from the AWS SDK's default chain: environment, --profile / AWS_PROFILE,
SSO, web identity, instance or container role. yourside only reads: 'yourside policy'
prints the IAM policy it needs (AWS's SecurityAudit managed policy also covers it).

Environment: AWS_ENDPOINT_URL (as --endpoint-url), AWS_MAX_ATTEMPTS (attempts per call,
default 6), YOURSIDE_CALL_TIMEOUT (seconds per call, default 30), NO_COLOR.`;

/** Where bugs are reported. */
const BUG_REPORTS = "https://github.com/yourside/yourside/issues";

/** Messages echo bad input, which may be megabytes long. */
const MAX_MESSAGE = 1000;

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command("yourside")
    .description("Scan your side of the AWS shared responsibility line: a read-only cloud security posture scanner.")
    .version(TOOL_VERSION, "-V, --version")
    // Commander's own complaints (unknown option, missing argument) as one line, like every other usage error.
    .configureOutput({
      outputError: (message, write) =>
        write(`yourside: ${oneLine(message.replace(/^error: /, ""), MAX_MESSAGE)} (run 'yourside --help' for usage)\n`),
    })
    .addHelpText("after", HELP_FOOTER)
    .exitOverride()
    // An empty value is a mistake (an unset shell variable), never "not given".
    .hook("preAction", (_program, command) => {
      for (const option of command.options)
        if (command.getOptionValue(option.attributeName()) === "") throw new UsageError(`${option.long ?? option.flags} needs a value`);
    });

  const scanOptions = (cmd: Command, live: boolean): Command => {
    if (live) {
      cmd
        .option("--profile <name>", "AWS profile from ~/.aws/config")
        .option("--regions <list>", "comma-separated regions, or 'all' (default: every region enabled for the account)")
        .option("--endpoint-url <url>", "send every AWS call to this endpoint (moto, LocalStack); also AWS_ENDPOINT_URL")
        .option("--concurrency <n>", "AWS calls in flight at once, over every service", String(DEFAULT_TOTAL_CONCURRENCY))
        .option(
          "--service-concurrency <list>",
          `per-service limits of calls in flight, e.g. iam=4,s3=64 (defaults: ${Object.entries(SERVICE_CONCURRENCY)
            .map(([k, v]) => `${k}=${v}`)
            .join(", ")}, others ${DEFAULT_SERVICE_CONCURRENCY})`,
        )
        .option("--collect-all", "also make the calls the collection plan skips as needless (more calls, the same verdicts)")
        .option("--save-snapshot <file>", "also write the collected inventory, for --from-snapshot later")
        .option("--from-snapshot <file>", "evaluate a saved inventory (of one account or an organization) instead of calling AWS")
        .option(
          "--organization",
          "scan every ACTIVE account of the organization (organizations:ListAccounts), assuming --role-name in each",
        )
        .option("--accounts <list>", "scan these account ids (comma-separated), assuming --role-name in each")
        .option("--exclude-accounts <list>", "with --organization / --accounts: leave these account ids out (the calling account too)")
        .option("--role-name <name>", "the role to assume in each member account (arn:<partition>:iam::<account>:role/<name>)")
        .option("--external-id <id>", "the external id the member role's trust policy requires")
        .option("--account-concurrency <n>", "accounts scanned at once; --concurrency is shared by all of them (default 4)")
        .option("--shard <K/N>", "scan only shard K of N of the accounts (by a hash of the account id); combine with 'yourside merge'");
    }
    return cmd
      .option("--services <list>", `only these services (${SERVICE_IDS.join(", ")})`)
      .option("--checks <list>", "only these check ids (see 'yourside checks')")
      .option("--severity <list>", `only findings of these severities, e.g. critical,high or high+ (${SEVERITIES.join(", ")})`)
      .option("--compliance <framework>", "only the checks of this framework: cis-6.0 (CIS AWS Foundations v6.0.0) or fsbp (AWS FSBP)")
      .addOption(
        new Option(
          "--format <list>",
          `report formats, comma-separated: ${FORMATS.map((f) => `${f} (${RENDERERS[f].description})`).join(", ")}`,
        ).default("json"),
      )
      .option("--output <file>", "write the one report format to this file ('-' = stdout)")
      .option("--output-dir <dir>", "write yourside-report.<format> files here (default: current directory)")
      .option("--fail-on <severity>", "exit 1 when a FAIL at or above this severity exists, or 'none' (default: low; demo: none)")
      .option("--baseline <report.json>", "an earlier JSON report: mark findings new or unchanged, list the resolved ones")
      .option("--fail-on-new <severity>", "exit 1 only for FAIL findings the baseline did not have, at or above this severity")
      .option("--notify <url>", "after the scan, POST new findings at or above --fail-on to this webhook (Slack-compatible JSON)")
      .option("--config <file>", "YAML/JSON config: settings (thresholds, port lists) and mutelist")
      .option("--top <n>", "how many fixes the summary on stderr lists (default 10)")
      .option("-q, --quiet", "no progress and no summary on stderr");
  };

  scanOptions(program.command("scan").description("scan an AWS account with read-only calls and write reports"), true)
    .addHelpText("after", HELP_FOOTER)
    .action(async (flags: ScanFlags) => setExit(await runScan(planFrom(flags))));

  scanOptions(program.command("demo").description("scan the bundled sample account (no AWS credentials needed)"), false).action(
    async (flags: ScanFlags) => {
      // The sample account fails on purpose: the demo exits 0 unless asked to judge it.
      setExit(await runScan({ ...planFrom({ ...flags, concurrency: "1" }, { failOn: "none" }), fromSnapshot: demoSnapshotPath() }));
    },
  );

  program
    .command("quickstart")
    .description("scan your account if AWS credentials are configured, otherwise the bundled demo account")
    .option("--output-dir <dir>", "where to write yourside-report.json and .sarif", "yourside-output")
    .option("--profile <name>", "AWS profile from ~/.aws/config")
    .option("--regions <list>", "comma-separated regions, or 'all' (default: every region enabled for the account)")
    .action(async (flags: { outputDir: string; profile?: string; regions?: string }) => {
      const base: ScanFlags = {
        format: "json,sarif",
        outputDir: flags.outputDir,
        failOn: "none",
        concurrency: String(DEFAULT_TOTAL_CONCURRENCY),
        ...(flags.profile ? { profile: flags.profile } : {}),
        ...(flags.regions ? { regions: flags.regions } : {}),
      };
      const plan = planFrom(base);
      // A profile that is named must exist: no quiet fall-back to the demo for a typo.
      const profile = flags.profile ?? (process.env.AWS_PROFILE || undefined);
      await checkProfile(profile, flags.profile ? "--profile" : "AWS_PROFILE");
      if (profile || (await hasCredentials())) {
        setExit(await runScan(plan));
        return;
      }
      process.stderr.write(
        "yourside: no AWS credentials found; scanning the bundled demo account instead (see 'yourside scan --help' to scan yours)\n",
      );
      setExit(await runScan({ ...plan, fromSnapshot: demoSnapshotPath() }));
    });

  program
    .command("checks")
    .description("list the check catalogue: id, severity, layer, title")
    .option("--services <list>", `only these services (${SERVICE_IDS.join(", ")})`)
    .option("--json", "machine-readable output with full metadata")
    .option("--markdown", "a Markdown table (as in README.md)")
    .action((flags: { services?: string; json?: boolean; markdown?: boolean }) => {
      const checks = selectChecks(CHECKS, flags.services ? { services: parseServices(flags.services) } : {});
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify(
            checks.map((check) => Object.fromEntries(Object.entries(check).filter(([key]) => key !== "evaluate"))),
            null,
            2,
          )}\n`,
        );
      } else {
        process.stdout.write(flags.markdown ? catalogueMarkdown(checks) : catalogueText(checks));
      }
    });

  program
    .command("policy")
    .description("print the least-privilege IAM policy the selected checks need (read actions only)")
    .option("--services <list>", `only these services (${SERVICE_IDS.join(", ")})`)
    .option("--checks <list>", "only these check ids")
    .option("--config <file>", "the config file the scans use: a mutelist that matches by tag adds the reads of tags")
    .option("--organization", "also what the scanning principal of an --organization scan needs (ListAccounts, AssumeRole of --role-name)")
    .option("--accounts", "also what the scanning principal of an --accounts scan needs (AssumeRole of --role-name)")
    .option("--role-name <name>", "the member role of --organization / --accounts")
    .action(
      (flags: { services?: string; checks?: string; config?: string; organization?: boolean; accounts?: boolean; roleName?: string }) => {
        const multi = flags.organization === true || flags.accounts === true;
        if (flags.roleName !== undefined && !multi) throw new UsageError("--role-name needs --organization or --accounts");
        if (multi && flags.roleName === undefined) throw new UsageError("--organization / --accounts need --role-name");
        const checks = selectChecks(CHECKS, {
          ...(flags.services ? { services: parseServices(flags.services) } : {}),
          ...(flags.checks ? { checkIds: parseList("--checks", flags.checks) } : {}),
        });
        const tags = (flags.config ? (loadConfig(flags.config).mutelist ?? []) : []).some((m) => m.tags);
        const policy = leastPrivilegePolicy(checks, { tags });
        if (multi) policy.Statement.push(...organizationStatements(flags.roleName!, flags.organization === true));
        process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
      },
    );

  program
    .command("merge")
    .description("combine the JSON reports of shards (--shard K/N) into one report")
    .argument("<reports...>", "JSON reports of the same tool version and disjoint accounts")
    .requiredOption("--output <file>", "where to write the merged JSON report ('-' = stdout)")
    .option("--fail-on <severity>", "exit 1 when a FAIL at or above this severity exists, or 'none'", "low")
    .action((files: string[], flags: { output: string; failOn: string }) => {
      setExit(runMerge(files, flags.output, parseFailOn("--fail-on", flags.failOn)));
    });

  // No command, or one that does not exist: one line naming the commands, like every usage error.
  program.allowExcessArguments().action((_flags: unknown, cmd: Command) => {
    const commands = `commands: ${cmd.commands.map((c) => c.name()).join(", ")}; run 'yourside --help' for usage`;
    const [first] = cmd.args;
    throw new UsageError(
      first === undefined
        ? `no command given (${commands}; 'yourside demo' needs no AWS account)`
        : `unknown command '${first}' (${commands})`,
    );
  });

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, successfully.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`yourside: ${oneLine(err.message, MAX_MESSAGE)}\n`);
      return EXIT.usage;
    }
    // Not a bug to report: the account is larger than this process may hold (the line says what to change).
    if (err instanceof OutOfMemoryError) {
      process.stderr.write(`yourside: ${oneLine(err.message, MAX_MESSAGE)}\n`);
      return EXIT.internal;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(
      `yourside: internal error: ${oneLine(message, MAX_MESSAGE)} — this is a bug in yourside ${TOOL_VERSION}; please report it with the command line at ${BUG_REPORTS} (YOURSIDE_DEBUG=1 prints the stack)\n`,
    );
    if (process.env.YOURSIDE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return EXIT.internal;
  }
}
