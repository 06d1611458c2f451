// The canonical dictionary: every key the UI uses is defined here first, in Vietnamese.
// Features keep their own texts in features/<name>/messages.ts; they are merged here.
import { viData } from '../features/data/messages';
import { viIndices } from '../features/indices/messages';
import { viPar } from '../features/par/messages';
import { viSipas } from '../features/sipas/messages';
import { viOverview } from '../features/overview/messages';
import { viPresent } from '../features/present/messages';
import { viWorkbench } from '../features/workbench/messages';
import { viPlan } from '../features/plan/messages';
import { viSettings } from '../features/settings/messages';
import { viIngest } from '../ingest/messages';

const core = {
  'app.name': 'Chỉ số',
  'app.tagline': 'Theo dõi các chỉ số cải cách hành chính',
  'app.demoBadge': 'Dữ liệu minh họa',
  'app.demoBadgeTitle': 'Đang hiển thị dữ liệu minh họa; nhập dữ liệu của đơn vị ở trang Dữ liệu',
  'app.langSwitch': 'English',
  'app.langSwitchTitle': 'Chuyển sang tiếng Anh',
  'app.starting': 'Đang khởi động bộ máy truy vấn…',
  'app.loadingDemo': 'Đang nạp dữ liệu minh họa…',
  'app.updating': 'Đang cập nhật — số liệu đã lưu sẵn, bộ máy truy vấn đang khởi động…',
  'app.startFailed': 'Không khởi động được bộ máy truy vấn DuckDB',
  'app.privacy': 'Mọi dữ liệu được xử lý ngay trong trình duyệt, không gửi đi đâu.',
  'app.notFound': 'Không có trang này.',
  'app.backHome': 'Về Tổng quan',

  // Shared pieces of the pages (src/app/ui): long tables, the progress of start-up, imports and downloads.
  'ui.showAll': 'Xem tất cả ({n})',
  'ui.showFewer': 'Thu gọn',
  'ui.table.windowed': 'Bảng dài ({n} dòng): chỉ vẽ các dòng đang xem, cuộn để xem tiếp.',
  'ui.table.allDrawn': 'Đang hiện đủ {n} dòng.',
  'ui.table.drawAll': 'Hiện đủ {n} dòng',
  'ui.table.drawWindow': 'Chỉ vẽ các dòng đang xem',
  'ui.unit.rows': 'dòng',
  'ui.unit.mb': 'MB',
  'ui.export.rows': 'Đang tạo tệp {file}',
  'ui.export.packing': 'Đang nén tệp {file}…',
  'ui.export.region': 'Tệp đang tải xuống',
  'ui.import.reading': 'Đang đọc tệp {file} từ máy',
  'ui.import.checkStep': 'Đang kiểm tra tệp — bước {n}/3: {what}…',
  'ui.import.commitStep': 'Đang nạp tệp — bước {n}/2: {what}…',
  'ui.import.decoding': 'đọc và giải mã',
  'ui.import.staging': 'nạp vào bộ máy truy vấn',
  'ui.import.checking': 'kiểm tra từng dòng, từng ô',
  'ui.import.loading': 'ghi dữ liệu',
  'ui.import.saving': 'lưu vào trình duyệt',
  'ui.catalogue.deleting': 'Đang xóa và lưu lại…',

  'nav.overview': 'Tổng quan',
  'nav.indices': 'Chỉ số',
  'nav.par': 'PAR',
  'nav.sipas': 'SIPAS',
  'nav.data': 'Dữ liệu',
  'nav.settings': 'Cài đặt',
  'nav.main': 'Điều hướng chính',

  'index.PAR': 'Chỉ số CCHC (PAR Index)',
  'index.SIPAS': 'Mức độ hài lòng (SIPAS)',
  'index.PAPI': 'Chỉ số PAPI',
  'index.PCI': 'Chỉ số PCI',
  'index.DTI': 'Chỉ số DTI',
  'index.short.PAR': 'PAR',
  'index.short.SIPAS': 'SIPAS',
  'index.short.PAPI': 'PAPI',
  'index.short.PCI': 'PCI',
  'index.short.DTI': 'DTI',

  'overview.title': 'Tổng quan',
  'overview.papiTrend': 'Tổng điểm PAPI cấp tỉnh, {from}–{to}',
  'overview.papiTrendSub': 'Tổng điểm = tổng các nội dung thành phần; chỉ tính tỉnh có đủ số liệu',
  'series.median': 'Trung vị các tỉnh',
  'series.best': 'Cao nhất',
  'series.break': 'Đổi phương pháp {year}',
  'axis.year': 'Năm',
  'axis.papiTotal': 'Tổng điểm PAPI',
  'col.year': 'Năm',
  'col.median': 'Trung vị',
  'col.best': 'Cao nhất',
  'col.bestUnit': 'Tỉnh cao nhất',
  'col.complete': 'Tỉnh đủ số liệu',
  'col.incomplete': 'Thiếu dữ liệu',
  'chart.showTable': 'Bảng số liệu',
  'chart.png': 'Tải ảnh PNG',
  'chart.pin': 'Ghim',
  'chart.unpin': 'Bỏ ghim',
  'chart.pinTitle': 'Ghim biểu đồ vào phần trình chiếu',
  'chart.noData': 'Chưa có dữ liệu cho biểu đồ này.',
  'source.label': 'Nguồn',
  'source.papi': 'PAPI, UNDP & CECODES (papi.org.vn)',
  'source.communes2025': 'Bảng sáp nhập xã 2025 (không chính thức, communes_2025.json)',
  'source.communesLoaded': 'Bảng sáp nhập xã đã nạp: {files}',
  'note.papiBreak': 'Năm 2018 PAPI đổi từ 6 lên 8 nội dung: tổng điểm trước và sau 2018 không so sánh được, nên đường không nối qua mốc này.',

  'indices.title': '{index}',
  'indices.year': 'Năm',
  'indices.pick': 'Chọn chỉ số',
  'indices.noData': 'Chưa có dữ liệu {index}. Nhập tệp ở trang Dữ liệu.',
  'indices.goData': 'Đến trang Dữ liệu',
  'indices.rankTitle': 'Xếp hạng năm {year}',
  'col.rank': 'Hạng',
  'col.unit': 'Đơn vị',
  'col.score': 'Điểm',

  'par.title': 'Chấm điểm Chỉ số CCHC',
  'par.noData': 'Chưa có bộ tiêu chí và điểm PAR. Nhập tệp ở trang Dữ liệu.',
  'sipas.title': 'Mức độ hài lòng (SIPAS)',
  'sipas.noData': 'Chưa có phiếu khảo sát SIPAS. Nhập tệp ở trang Dữ liệu.',

  'data.title': 'Dữ liệu',
  'data.catalogue': 'Các bộ dữ liệu đã nạp',
  'data.empty': 'Chưa có bộ dữ liệu nào.',
  'col.kind': 'Loại',
  'col.file': 'Tệp',
  'col.rows': 'Số dòng',
  'col.coverage': 'Phạm vi',
  'col.importedAt': 'Nạp lúc',
  'col.source': 'Nguồn',
  'kind.index_scores': 'Điểm chỉ số',
  'kind.par_criteria': 'Bộ tiêu chí PAR',
  'kind.par_scores': 'Điểm PAR',
  'kind.sipas_responses': 'Phiếu SIPAS',
  'kind.sipas_items': 'Câu hỏi SIPAS',
  'kind.commune_merger': 'Bảng sáp nhập xã',
  'kind.units': 'Danh mục đơn vị',
  'kind.plan_targets': 'Chỉ tiêu kế hoạch',
  'kind.plan_indicators': 'Số liệu chỉ báo',
  'kind.plan_tasks': 'Nhiệm vụ kế hoạch',
  'kind.table': 'Bảng khác',
  'data.demoTag': 'minh họa',
} as const;

export const vi = {
  ...core,
  ...viData,
  ...viIndices,
  ...viPar,
  ...viSipas,
  ...viOverview,
  ...viPresent,
  ...viPlan,
  ...viSettings,
  ...viWorkbench,
  ...viIngest,
} as const;

export type MessageKey = keyof typeof vi;
export type Dictionary = Record<MessageKey, string>;
