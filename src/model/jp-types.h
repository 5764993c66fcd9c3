#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _JpPlan          JpPlan;
typedef struct _JpSection       JpSection;
typedef struct _JpItem          JpItem;
typedef struct _JpItemUpdate    JpItemUpdate;
typedef struct _JpIndicator     JpIndicator;
typedef struct _JpProgressEntry JpProgressEntry;
typedef struct _JpLeader        JpLeader;
typedef struct _JpUnit          JpUnit;
typedef struct _JpStore         JpStore;

G_END_DECLS
