select count(*) from report where year = :year;
