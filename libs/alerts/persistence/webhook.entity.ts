import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Row of `webhooks`: where a project's alerts go, which events, and the secret they are signed with. */
@Entity({ name: 'webhooks' })
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_key', type: 'text' })
  projectKey: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', array: true })
  events: string[];

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ type: 'text' })
  secret: string;

  @Column({ name: 'secret_hint', type: 'text' })
  secretHint: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
