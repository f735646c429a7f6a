import { existsSync } from "node:fs";
import { chmod, lstat, mkdir, mkdtemp, readlink, rm, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clusterDir } from "../../dev/postgres";

// As root, PostgreSQL runs as user `postgres`; a checkout in a folder only root can read (a CI
// container cloning under /root) must still get a cluster that user can reach.
describe.skipIf(userInfo().uid !== 0)("the cluster folder, as root", () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const path of made) await rm(path, { recursive: true, force: true });
  });

  it("stays where it is when postgres can reach it", async () => {
    const open = await mkdtemp(join(tmpdir(), "skyslot-open-"));
    made.push(open);
    await chmod(open, 0o755);
    expect(await clusterDir(join(open, "pg"))).toBe(join(open, "pg"));
  });

  it("moves to a shared folder, behind a link, when postgres cannot reach it; a lost link starts over", async () => {
    const locked = await mkdtemp(join(tmpdir(), "skyslot-locked-"));
    made.push(locked);
    const dataDir = join(locked, "repo", ".data", "dev", "pg");
    const target = await clusterDir(dataDir);
    made.push(target);
    expect(target).toMatch(/^\/var\/lib\/skyslot\/clusters\/[0-9a-f]{16}$/);
    expect((await lstat(dataDir)).isSymbolicLink()).toBe(true);
    expect(await readlink(dataDir)).toBe(target);

    await mkdir(target, { recursive: true });
    await writeFile(join(target, "PG_VERSION"), "17\n");
    expect(await clusterDir(dataDir)).toBe(target);
    expect(existsSync(join(target, "PG_VERSION"))).toBe(true);

    // The data folder deleted to start over: the shared copy belongs to nobody any more.
    await rm(join(locked, "repo"), { recursive: true, force: true });
    expect(await clusterDir(dataDir)).toBe(target);
    expect(existsSync(join(target, "PG_VERSION"))).toBe(false);
  });

  it("refuses, in one sentence, to abandon a cluster already in a folder postgres cannot reach", async () => {
    const locked = await mkdtemp(join(tmpdir(), "skyslot-locked-"));
    made.push(locked);
    const dataDir = join(locked, "pg");
    await mkdir(dataDir);
    await writeFile(join(dataDir, "PG_VERSION"), "17\n");
    await expect(clusterDir(dataDir)).rejects.toThrow(/^PostgreSQL runs as user postgres, which cannot reach the cluster in .*; make the folders above it searchable/);
  });
});
