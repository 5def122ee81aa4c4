-- The time zone an editor last scheduled in: the schedule form offers it first and shows scheduled times in it.
ALTER TABLE "AspNetUsers" ADD "ScheduleTimeZone" character varying(64) NULL;
