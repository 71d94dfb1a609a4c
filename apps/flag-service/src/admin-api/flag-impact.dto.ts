import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { UpdateFlagConfigDto } from './flag-config.dto.js';

/** Body of POST …/flags/:flag/impact: a proposed config, the PUT body without base version or reason. */
export class FlagImpactProposalDto extends OmitType(UpdateFlagConfigDto, ['baseVersion', 'reason'] as const) {}

/** How many contexts move from one variant to another. */
export class VariantTransitionDto {
  @ApiProperty({ type: String, nullable: true, description: 'Variant served now (null: an evaluation error)' }) from:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Variant the proposal would serve' }) to: string | null;
  @ApiProperty() count: number;
}

/** What the proposal would change over the environment's recent contexts (as reported by SDKs). */
export class FlagImpactDto {
  @ApiProperty({ description: 'Recent contexts evaluated (the most recent, at most 10,000)' }) sampled: number;
  @ApiProperty({ description: 'How many of them would get a different variant' }) changed: number;
  @ApiProperty({ type: [VariantTransitionDto], description: 'The changes, most frequent first' })
  transitions: VariantTransitionDto[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'Oldest last-seen time among them; null when none reported yet',
  })
  since: string | null;
}
