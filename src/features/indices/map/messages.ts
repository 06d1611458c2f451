// Texts of the province map (keys under map.*). Kept beside the map and looked up by mapText(), so the map does
// not depend on edits to the indices page's dictionary, which another helper is rewriting concurrently.
import { interpolate, type Locale } from '../../../i18n/format';

const viMap = {
  'map.loading': 'Đang tải bản đồ…',
  'map.loadFailed': 'Không tải được bản đồ',
  'map.legendTitle': 'Tứ phân vị (thấp → cao)',
  'map.legendBands': 'Nhóm (thấp → cao)',
  'map.count': '{n} tỉnh',
  'map.missing': 'Không có dữ liệu',
  'map.highlight': 'Viền cam: {name}',
  'map.hoangSa': 'Quần đảo Hoàng Sa',
  'map.truongSa': 'Quần đảo Trường Sa',
  'map.attribution34': 'Ranh giới tỉnh: Open Development Vietnam (Địa phận tỉnh), CC BY-SA 4.0; gộp 34 tỉnh: Talia Cao (MIT)',
  'map.attribution63': 'Ranh giới tỉnh: Open Development Vietnam (Địa phận tỉnh), CC BY-SA 4.0; Talia Cao (MIT)',
  'map.colProvince': 'Tỉnh, thành phố',
  'map.colValue': 'Giá trị',
  'map.colClass': 'Nhóm',
  'map.class': 'Nhóm {n}/4',
  'map.notOnMap': 'Không vẽ được trên bản đồ (tên không khớp): {names}',
} as const;

const enMap: Record<keyof typeof viMap, string> = {
  'map.loading': 'Loading the map…',
  'map.loadFailed': 'The map could not be loaded',
  'map.legendTitle': 'Quartiles (low → high)',
  'map.legendBands': 'Groups (low → high)',
  'map.count': '{n} provinces',
  'map.missing': 'No data',
  'map.highlight': 'Orange outline: {name}',
  'map.hoangSa': 'Hoàng Sa archipelago',
  'map.truongSa': 'Trường Sa archipelago',
  'map.attribution34': 'Province boundaries: Open Development Vietnam (Địa phận tỉnh), CC BY-SA 4.0; 34-province merge: Talia Cao (MIT)',
  'map.attribution63': 'Province boundaries: Open Development Vietnam (Địa phận tỉnh), CC BY-SA 4.0; Talia Cao (MIT)',
  'map.colProvince': 'Province',
  'map.colValue': 'Value',
  'map.colClass': 'Group',
  'map.class': 'Group {n}/4',
  'map.notOnMap': 'Not drawn on the map (name not matched): {names}',
};

export type MapTextKey = keyof typeof viMap;

export function mapText(locale: Locale, key: MapTextKey, vars?: Record<string, string | number>): string {
  return interpolate((locale === 'en' ? enMap : viMap)[key], vars);
}
