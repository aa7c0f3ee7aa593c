#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/demo_bia.h"
#include "model/msg.h"
#include "model/store_bia.h"

#define H 60
#define U BIA_UNSET

enum { S_RESCUE, S_SERVICE, S_WORKORDER, S_STOCK, S_FINANCE, S_CRM, S_BI,
       N_SYSTEMS };
enum { D_TRANSACTIONS, D_CUSTOMERS, D_STOCK, D_HISTORY, N_DATA };

static const struct {
	msg_id name;
	bia_rating importance;
	int planned; /* §3.1 "售后服务系统推荐等级"; 0 where it says none */
} systems[N_SYSTEMS] = {
	[S_RESCUE] = {DEMO_BIA_S_RESCUE, BIA_RATING_EXTREME, 5},
	[S_SERVICE] = {DEMO_BIA_S_SERVICE, BIA_RATING_HIGH, 4},
	[S_WORKORDER] = {DEMO_BIA_S_WORKORDER, BIA_RATING_HIGH, 0},
	[S_STOCK] = {DEMO_BIA_S_STOCK, BIA_RATING_MEDIUM, 3},
	[S_FINANCE] = {DEMO_BIA_S_FINANCE, BIA_RATING_HIGH, 0},
	[S_CRM] = {DEMO_BIA_S_CRM, BIA_RATING_LOW, 0},
	[S_BI] = {DEMO_BIA_S_BI, BIA_RATING_LOW, 2},
};

/* §1.2, and which system holds each (the document names none: these are
 * the demo's own). */
static const struct {
	msg_id name, backup;
	int64_t rpo;
	int held_by[3]; /* systems, -1 ends */
} data_types[N_DATA] = {
	[D_TRANSACTIONS] = {DEMO_BIA_D_TRANSACTIONS, DEMO_BIA_B_SYNC, 5,
			    {S_RESCUE, S_WORKORDER, S_FINANCE}},
	[D_CUSTOMERS] = {DEMO_BIA_D_CUSTOMERS, DEMO_BIA_B_HOURLY, H,
			 {S_SERVICE, S_CRM, -1}},
	[D_STOCK] = {DEMO_BIA_D_STOCK, DEMO_BIA_B_4HOURLY, 4 * H,
		     {S_STOCK, -1, -1}},
	[D_HISTORY] = {DEMO_BIA_D_HISTORY, DEMO_BIA_B_DAILY, 24 * H,
		       {S_BI, -1, -1}},
};

/* §2.1 steps 1, 3 and 4. Road rescue's MTD is its grid's suggestion. */
static const struct {
	msg_id name;
	int system;
	int64_t volume;
	bool critical;
	int64_t mtd; /* chosen, with the reason; U: none */
	msg_id reason;
	int64_t rto;
} processes[] = {
	{DEMO_BIA_P_RESCUE, S_RESCUE, 500, true, U, 0, 15},
	{DEMO_BIA_P_BOOKING, S_SERVICE, 2000, true, 4 * H, DEMO_BIA_MTD_SERVICE,
	 2 * H},
	{DEMO_BIA_P_RECEPTION, S_SERVICE, 3000, true, 4 * H,
	 DEMO_BIA_MTD_SERVICE, 2 * H},
	{DEMO_BIA_P_REPAIR, S_WORKORDER, 3000, true, U, 0, U},
	{DEMO_BIA_P_PARTS, S_STOCK, 5000, true, 8 * H, DEMO_BIA_MTD_STOCK,
	 4 * H},
	{DEMO_BIA_P_BILLING, S_FINANCE, 3000, true, U, 0, U},
	{DEMO_BIA_P_FOLLOWUP, S_CRM, 1000, false, U, 0, U},
	{DEMO_BIA_P_ANALYTICS, S_BI, U, false, U, 0, U},
};

/* The road-rescue grid: losses in 万元 (hundredths), the words of the
 * source, and ratings it lacks for the first three durations (the demo's
 * own, so said in the financial cell). */
static const struct {
	int64_t minutes, loss;
	bia_rating r[BIA_DIMENSIONS];
	msg_id text[BIA_DIMENSIONS]; /* 0: none */
} rescue_grid[] = {
	{15, 100, {BIA_RATING_LOW, BIA_RATING_LOW, BIA_RATING_NONE,
		   BIA_RATING_NONE},
	 {DEMO_BIA_OWN_RATING, DEMO_BIA_C_SLIGHT, 0, 0}},
	{H, 500, {BIA_RATING_MEDIUM, BIA_RATING_MEDIUM, BIA_RATING_LOW,
		  BIA_RATING_MEDIUM},
	 {DEMO_BIA_OWN_RATING, DEMO_BIA_C_STRONG, DEMO_BIA_L_COMPLAINT,
	  DEMO_BIA_R_NEGATIVE}},
	{4 * H, 3000, {BIA_RATING_HIGH, BIA_RATING_HIGH, BIA_RATING_HIGH,
		       BIA_RATING_EXTREME},
	 {DEMO_BIA_OWN_RATING, DEMO_BIA_C_LOST, DEMO_BIA_L_REGULATOR,
	  DEMO_BIA_R_CRISIS}},
	{24 * H, 20000, {BIA_RATING_EXTREME, BIA_RATING_EXTREME,
			 BIA_RATING_EXTREME, BIA_RATING_EXTREME},
	 {0, DEMO_BIA_C_MASS, DEMO_BIA_L_CLASS, DEMO_BIA_R_COLLAPSE}},
};

#define COUNT(v) (sizeof v / sizeof v[0])

static void put(char *out, size_t len, msg_id id)
{
	snprintf(out, len, "%s", id ? msg(id) : "");
}

static moat_status add_grid(store *s, int64_t process_id, const char *user)
{
	moat_status st = ST_OK;
	for (size_t i = 0; !st && i < COUNT(rescue_grid); i++) {
		bia_row row;
		memset(&row, 0, sizeof row);
		row.minutes = rescue_grid[i].minutes;
		row.loss = rescue_grid[i].loss;
		for (int k = 0; k < BIA_DIMENSIONS; k++) {
			row.cell[k].rating = rescue_grid[i].r[k];
			put(row.cell[k].text, sizeof row.cell[k].text,
			    rescue_grid[i].text[k]);
		}
		st = store_bia_impact_set(s, process_id, &row, user);
	}
	return st;
}

moat_status demo_bia_load(store *s, int64_t aid, const char *user)
{
	static const int64_t durations[] = {15, H, 4 * H, 24 * H};
	int64_t sys_id[N_SYSTEMS], data_id[N_DATA];
	moat_status st =
		store_bia_set_durations(s, aid, durations, COUNT(durations), user);

	for (int i = 0; !st && i < N_SYSTEMS; i++) {
		bia_system y;
		memset(&y, 0, sizeof y);
		put(y.name, sizeof y.name, systems[i].name);
		y.importance = systems[i].importance;
		y.planned_level = systems[i].planned;
		st = store_bia_system_save(s, aid, &y, user, &sys_id[i]);
	}
	for (int i = 0; !st && i < N_DATA; i++) {
		bia_data_type t;
		memset(&t, 0, sizeof t);
		put(t.name, sizeof t.name, data_types[i].name);
		put(t.backup, sizeof t.backup, data_types[i].backup);
		t.rpo = data_types[i].rpo;
		st = store_bia_data_type_save(s, aid, &t, user, &data_id[i]);
		for (int k = 0; !st && k < 3 && data_types[i].held_by[k] >= 0; k++)
			st = store_bia_hold_set(s, sys_id[data_types[i].held_by[k]],
						data_id[i], true, user);
	}
	for (size_t i = 0; !st && i < COUNT(processes); i++) {
		bia_process p;
		int64_t id;
		memset(&p, 0, sizeof p);
		put(p.name, sizeof p.name, processes[i].name);
		p.daily_volume = processes[i].volume;
		p.critical = processes[i].critical;
		p.mtd_chosen = processes[i].mtd != U;
		p.mtd = processes[i].mtd;
		put(p.mtd_reason, sizeof p.mtd_reason, processes[i].reason);
		p.rto = U;
		/* The grid first: the RTO is checked against its MTD. */
		if ((st = store_bia_process_save(s, aid, &p, user, &id)))
			break;
		if (i == 0)
			st = add_grid(s, id, user);
		p.id = id;
		p.rto = processes[i].rto;
		if (!st && p.rto != U)
			st = store_bia_process_save(s, aid, &p, user, &id);
		if (!st)
			st = store_bia_use_set(s, id, sys_id[processes[i].system],
					       true, user);
	}
	return st;
}
