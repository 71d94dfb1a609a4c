import { Injectable } from '@nestjs/common';
import { RampFigures } from '../application/rollouts-ports.js';
import { NO_FIGURES, type DarkLaunchFigures } from '../domain/dark-launch-figures.js';

/**
 * Figures until the darklaunch context's GetDarkLaunchFigures is wired: none, so a step that needs a sample
 * waits ("waiting: 0 of 500 runs") and a step with a minimum sample of 0 advances on its hold alone.
 */
@Injectable()
export class NoFiguresYet extends RampFigures {
  since(): Promise<DarkLaunchFigures> {
    return Promise.resolve(NO_FIGURES);
  }
}
