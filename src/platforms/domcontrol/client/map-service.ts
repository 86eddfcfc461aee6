import type { Service } from '../../../domain/model/service.js';
import type { WireService } from '../contract/service-import.js';
import type { DomcontrolSettings } from './domcontrol-settings.js';

/** seed 002 §1: a canonical service as an item of `services[]`. */
export function mapService(s: Service, settings: DomcontrolSettings): WireService {
  return {
    id: s.id,
    organization: s.provider ?? settings.organization,
    short_name: s.shortName ?? s.name,
    full_name: s.name,
  };
}
