import { Injectable } from '@nestjs/common';
import { GetDarkLaunchFigures } from '@switchyard/darklaunch';
import { RampFigures } from '../application/rollouts-ports.js';
import type { DarkLaunchFigures } from '../domain/dark-launch-figures.js';

/** A step's figures, from the darklaunch context's reports (sums over the fleet since the step started). */
@Injectable()
export class DarkLaunchRampFigures extends RampFigures {
  constructor(private readonly figures: GetDarkLaunchFigures) {
    super();
  }

  since(environmentId: string, flagKey: string, since: Date): Promise<DarkLaunchFigures> {
    return this.figures.execute({ environmentId, flagKey, since });
  }
}
