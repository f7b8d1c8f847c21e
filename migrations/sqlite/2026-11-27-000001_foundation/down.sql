DROP TABLE piece_images;
DROP TABLE piece_stones;
DROP TABLE piece_makers;
DROP TABLE pieces;
DROP TABLE artisan_private;
DROP TABLE artisans;
DROP TABLE centers;
