import type { Service } from '../../../domain/model/service.js';
import type { WireService } from '../contract/service-import.js';

/** seed 002 §1: a canonical service as an item of `services[]`, with the organization it belongs to. */
export function mapService(s: Service, organization: string): WireService {
  return {
    id: s.id,
    organization,
    short_name: s.shortName ?? s.name,
    full_name: s.name,
  };
}
