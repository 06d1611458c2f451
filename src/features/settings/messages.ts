// Texts of the settings page, merged into the app dictionaries (src/i18n/vi.ts, en.ts). Vietnamese first.
export const viSettings = {
  'settings.sipasRow': 'Chỉ tiêu mức độ hài lòng (SIPAS)',
  'settings.sipasRowHelp':
    'Đây là một dòng trong bảng chỉ tiêu của kế hoạch, và là chỉ tiêu SIPAS duy nhất của ứng dụng: trang SIPAS, Tổng quan, bảng chỉ tiêu và báo cáo cùng dùng. So sánh đúng như kế hoạch viết: «trên 90%» là lớn hơn hẳn 90%, nên đạt 90,00% là chưa đạt. Xem trạng thái ở trang',
  'settings.sipasOp': 'Kế hoạch viết',
  'settings.sipasOpAbove': 'trên … (lớn hơn hẳn)',
  'settings.sipasOpFrom': 'từ … trở lên',
} as const;

export const enSettings: Record<keyof typeof viSettings, string> = {
  'settings.sipasRow': 'Satisfaction (SIPAS) target',
  'settings.sipasRowHelp':
    'This is one row of the plan’s targets, and the app’s only SIPAS target: the SIPAS page, the overview, the targets board and the report read it. It compares as the plan writes it: “trên 90%” is strictly above 90%, so 90.00% has not met it. See its status on the page',
  'settings.sipasOp': 'The plan writes',
  'settings.sipasOpAbove': 'trên … (strictly above)',
  'settings.sipasOpFrom': 'từ … trở lên (at least)',
};
