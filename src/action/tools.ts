/** The action's tool cache and downloader: @actions/tool-cache (the runner's tool cache, shared between jobs). */
import * as tc from '@actions/tool-cache';
import { dirname, join } from 'node:path';
import { renameSync } from 'node:fs';
import type { Downloader, ToolCache, ToolName, ToolPlatform } from '../scanners/tools.js';

export const actionsToolCache: ToolCache = {
  find(tool: ToolName, version: string, platform: ToolPlatform): string | undefined {
    const dir = tc.find(`mcg-${tool}`, version, platform);
    return dir ? join(dir, tool) : undefined;
  },
  async save(tool: ToolName, version: string, platform: ToolPlatform, binary: string): Promise<string> {
    const dir = await tc.cacheFile(binary, tool, `mcg-${tool}`, version, platform);
    return join(dir, tool);
  },
};

export const actionsDownloader: Downloader = async (url: string, dest: string): Promise<void> => {
  const got = await tc.downloadTool(url, join(dirname(dest), `.dl-${Date.now()}`));
  renameSync(got, dest);
};
