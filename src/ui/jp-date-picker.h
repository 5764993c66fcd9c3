#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JP_TYPE_DATE_PICKER (jp_date_picker_get_type ())
G_DECLARE_FINAL_TYPE (JpDatePicker, jp_date_picker, JP, DATE_PICKER, GtkWidget)

/* The one way to pick a date: a field that takes what people type
 * ("2023-6-30", "2023年6月30日") and a calendar. Browsing months changes
 * nothing; clicking a day (the selected one too), Enter on the calendar
 * or in the field chooses it: ::date-chosen. A date outside
 * [min-date, max-date] is refused with a message under the field. */
GtkWidget  *jp_date_picker_new            (void);
const char *jp_date_picker_get_date       (JpDatePicker *self);
void        jp_date_picker_set_date       (JpDatePicker *self,
                                           const char   *iso);
void        jp_date_picker_set_range      (JpDatePicker *self,
                                           const char   *min_date,
                                           const char   *max_date);
GtkCalendar *jp_date_picker_get_calendar  (JpDatePicker *self);
GtkEntry    *jp_date_picker_get_entry     (JpDatePicker *self);

G_END_DECLS
