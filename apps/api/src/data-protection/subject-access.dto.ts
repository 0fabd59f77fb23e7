import { ApiProperty } from '@nestjs/swagger';

/**
 * A subject access export holds every column Beacon keeps about the person, so (unlike every
 * other answer) its records are open-ended: each is the stored row, search keys aside, with staff
 * ids accompanied by `…Name`. Its shape is declared here so the OpenAPI document says so.
 */
const row = (description: string) => ({ type: 'object', additionalProperties: true, description }) as const;
const rows = (description: string) => ({ type: 'array', items: row(description) }) as const;

export class SubjectAccessExportDto {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty() about: string;
  @ApiProperty(row('The client record')) client: Record<string, unknown>;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: true,
      description: 'A referral, with everything recorded on it',
      properties: {
        history: rows('Status history entries'),
        signposting: rows('Services signposted to'),
        notes: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: true,
            properties: { versions: rows('Every version of the note, oldest first') },
          },
        },
        meetings: rows('Meetings'),
        recordsAccess: rows('IMHA records access'),
      },
    },
  })
  referrals: Record<string, unknown>[];
  @ApiProperty(rows('Third-party authorisations the person gave as a carer')) authorisations: Record<
    string,
    unknown
  >[];
}
