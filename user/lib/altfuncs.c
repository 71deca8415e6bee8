// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The ALT functions of every pin, per SoC family: data only.
 *
 * Sources: "BCM2835 ARM Peripherals" section 6.2 (table 6-31) and
 * "BCM2711 ARM Peripherals" section 5.3, with the datasheets' names (TXD0,
 * SDA1, SPI0_CE0_N, BSCSL = the I2C/SPI slave). Where the BCM2835 datasheet
 * says "reserved" or "internal" but the function is documented since (the
 * DPI and AVE video pins, SD0/SD1 on 22-27 and 46-53 as used by the Pi's
 * own device trees), the later name is given. NULL: no function.
 *
 * RP1 (Raspberry Pi 5): FUNCSEL 0-8 are a0-a8, with the names Raspberry
 * Pi's pinctrl prints for them (raspberrypi/utils pinctrl/gpiochip_rp1.c,
 * from the RP1 peripherals datasheet's function table); every name was
 * checked against the function group the kernel's pinctrl-rp1.c gives that
 * pin and FUNCSEL (its PIN() table). a5 is SYS_RIO<bank><n>, the pin as
 * plain GPIO; a6 PROC_RIO<bank><n>; a7 PIO<n> on bank 0.
 */
#include <stddef.h>

#include "soc.h"

#define ALTS 6

static const char *const alt_bcm2835[][ALTS] = {
	/*  0 */ { "SDA0", "SA5", "PCLK", "AVEOUT_VCLK", "AVEIN_VCLK", NULL },
	/*  1 */ { "SCL0", "SA4", "DE", "AVEOUT_DSYNC", "AVEIN_DSYNC", NULL },
	/*  2 */ { "SDA1", "SA3", "LCD_VSYNC", "AVEOUT_VSYNC", "AVEIN_VSYNC", NULL },
	/*  3 */ { "SCL1", "SA2", "LCD_HSYNC", "AVEOUT_HSYNC", "AVEIN_HSYNC", NULL },
	/*  4 */ { "GPCLK0", "SA1", "DPI_D0", "AVEOUT_VID0", "AVEIN_VID0", "ARM_TDI" },
	/*  5 */ { "GPCLK1", "SA0", "DPI_D1", "AVEOUT_VID1", "AVEIN_VID1", "ARM_TDO" },
	/*  6 */ { "GPCLK2", "SOE_N_SE", "DPI_D2", "AVEOUT_VID2", "AVEIN_VID2", "ARM_RTCK" },
	/*  7 */ { "SPI0_CE1_N", "SWE_N_SRW_N", "DPI_D3", "AVEOUT_VID3", "AVEIN_VID3", NULL },
	/*  8 */ { "SPI0_CE0_N", "SD0", "DPI_D4", "AVEOUT_VID4", "AVEIN_VID4", NULL },
	/*  9 */ { "SPI0_MISO", "SD1", "DPI_D5", "AVEOUT_VID5", "AVEIN_VID5", NULL },
	/* 10 */ { "SPI0_MOSI", "SD2", "DPI_D6", "AVEOUT_VID6", "AVEIN_VID6", NULL },
	/* 11 */ { "SPI0_SCLK", "SD3", "DPI_D7", "AVEOUT_VID7", "AVEIN_VID7", NULL },
	/* 12 */ { "PWM0", "SD4", "DPI_D8", "AVEOUT_VID8", "AVEIN_VID8", "ARM_TMS" },
	/* 13 */ { "PWM1", "SD5", "DPI_D9", "AVEOUT_VID9", "AVEIN_VID9", "ARM_TCK" },
	/* 14 */ { "TXD0", "SD6", "DPI_D10", "AVEOUT_VID10", "AVEIN_VID10", "TXD1" },
	/* 15 */ { "RXD0", "SD7", "DPI_D11", "AVEOUT_VID11", "AVEIN_VID11", "RXD1" },
	/* 16 */ { "FL0", "SD8", "DPI_D12", "CTS0", "SPI1_CE2_N", "CTS1" },
	/* 17 */ { "FL1", "SD9", "DPI_D13", "RTS0", "SPI1_CE1_N", "RTS1" },
	/* 18 */ { "PCM_CLK", "SD10", "DPI_D14", "BSCSL_SDA_MOSI", "SPI1_CE0_N", "PWM0" },
	/* 19 */ { "PCM_FS", "SD11", "DPI_D15", "BSCSL_SCL_SCLK", "SPI1_MISO", "PWM1" },
	/* 20 */ { "PCM_DIN", "SD12", "DPI_D16", "BSCSL_MISO", "SPI1_MOSI", "GPCLK0" },
	/* 21 */ { "PCM_DOUT", "SD13", "DPI_D17", "BSCSL_CE_N", "SPI1_SCLK", "GPCLK1" },
	/* 22 */ { "SD0_CLK", "SD14", "DPI_D18", "SD1_CLK", "ARM_TRST", NULL },
	/* 23 */ { "SD0_CMD", "SD15", "DPI_D19", "SD1_CMD", "ARM_RTCK", NULL },
	/* 24 */ { "SD0_DAT0", "SD16", "DPI_D20", "SD1_DAT0", "ARM_TDO", NULL },
	/* 25 */ { "SD0_DAT1", "SD17", "DPI_D21", "SD1_DAT1", "ARM_TCK", NULL },
	/* 26 */ { "SD0_DAT2", "TE0", "DPI_D22", "SD1_DAT2", "ARM_TDI", NULL },
	/* 27 */ { "SD0_DAT3", "TE1", "DPI_D23", "SD1_DAT3", "ARM_TMS", NULL },
	/* 28 */ { "SDA0", "SA5", "PCM_CLK", "FL0", NULL, NULL },
	/* 29 */ { "SCL0", "SA4", "PCM_FS", "FL1", NULL, NULL },
	/* 30 */ { "TE0", "SA3", "PCM_DIN", "CTS0", NULL, "CTS1" },
	/* 31 */ { "FL0", "SA2", "PCM_DOUT", "RTS0", NULL, "RTS1" },
	/* 32 */ { "GPCLK0", "SA1", "RING_OCLK", "TXD0", NULL, "TXD1" },
	/* 33 */ { "FL1", "SA0", "TE1", "RXD0", NULL, "RXD1" },
	/* 34 */ { "GPCLK0", "SOE_N_SE", "TE2", "SD1_CLK", NULL, NULL },
	/* 35 */ { "SPI0_CE1_N", "SWE_N_SRW_N", NULL, "SD1_CMD", NULL, NULL },
	/* 36 */ { "SPI0_CE0_N", "SD0", "TXD0", "SD1_DAT0", NULL, NULL },
	/* 37 */ { "SPI0_MISO", "SD1", "RXD0", "SD1_DAT1", NULL, NULL },
	/* 38 */ { "SPI0_MOSI", "SD2", "RTS0", "SD1_DAT2", NULL, NULL },
	/* 39 */ { "SPI0_SCLK", "SD3", "CTS0", "SD1_DAT3", NULL, NULL },
	/* 40 */ { "PWM0", "SD4", NULL, "SD1_DAT4", "SPI2_MISO", "TXD1" },
	/* 41 */ { "PWM1", "SD5", "TE0", "SD1_DAT5", "SPI2_MOSI", "RXD1" },
	/* 42 */ { "GPCLK1", "SD6", "TE1", "SD1_DAT6", "SPI2_SCLK", "RTS1" },
	/* 43 */ { "GPCLK2", "SD7", "TE2", "SD1_DAT7", "SPI2_CE0_N", "CTS1" },
	/* 44 */ { "GPCLK1", "SDA0", "SDA1", "TE0", "SPI2_CE1_N", NULL },
	/* 45 */ { "PWM1", "SCL0", "SCL1", "TE1", "SPI2_CE2_N", NULL },
	/* 46 */ { "SDA0", "SDA1", "SPI0_CE0_N", NULL, NULL, "SPI2_CE1_N" },
	/* 47 */ { "SCL0", "SCL1", "SPI0_MISO", NULL, NULL, "SPI2_CE0_N" },
	/* 48 */ { "SD0_CLK", "FL0", "SPI0_MOSI", "SD1_CLK", "ARM_TRST", "SPI2_SCLK" },
	/* 49 */ { "SD0_CMD", "GPCLK0", "SPI0_SCLK", "SD1_CMD", "ARM_RTCK", "SPI2_MOSI" },
	/* 50 */ { "SD0_DAT0", "GPCLK1", "PCM_CLK", "SD1_DAT0", "ARM_TDO", NULL },
	/* 51 */ { "SD0_DAT1", "GPCLK2", "PCM_FS", "SD1_DAT1", "ARM_TCK", NULL },
	/* 52 */ { "SD0_DAT2", "PWM0", "PCM_DIN", "SD1_DAT2", "ARM_TDI", NULL },
	/* 53 */ { "SD0_DAT3", "PWM1", "PCM_DOUT", "SD1_DAT3", "ARM_TMS", NULL },
};

static const char *const alt_bcm2711[][ALTS] = {
	/*  0 */ { "SDA0", "SA5", "PCLK", "SPI3_CE0_N", "TXD2", "SDA6" },
	/*  1 */ { "SCL0", "SA4", "DE", "SPI3_MISO", "RXD2", "SCL6" },
	/*  2 */ { "SDA1", "SA3", "LCD_VSYNC", "SPI3_MOSI", "CTS2", "SDA3" },
	/*  3 */ { "SCL1", "SA2", "LCD_HSYNC", "SPI3_SCLK", "RTS2", "SCL3" },
	/*  4 */ { "GPCLK0", "SA1", "DPI_D0", "SPI4_CE0_N", "TXD3", "SDA3" },
	/*  5 */ { "GPCLK1", "SA0", "DPI_D1", "SPI4_MISO", "RXD3", "SCL3" },
	/*  6 */ { "GPCLK2", "SOE_N_SE", "DPI_D2", "SPI4_MOSI", "CTS3", "SDA4" },
	/*  7 */ { "SPI0_CE1_N", "SWE_N_SRW_N", "DPI_D3", "SPI4_SCLK", "RTS3", "SCL4" },
	/*  8 */ { "SPI0_CE0_N", "SD0", "DPI_D4", "BSCSL_CE_N", "TXD4", "SDA4" },
	/*  9 */ { "SPI0_MISO", "SD1", "DPI_D5", "BSCSL_MISO", "RXD4", "SCL4" },
	/* 10 */ { "SPI0_MOSI", "SD2", "DPI_D6", "BSCSL_SDA_MOSI", "CTS4", "SDA5" },
	/* 11 */ { "SPI0_SCLK", "SD3", "DPI_D7", "BSCSL_SCL_SCLK", "RTS4", "SCL5" },
	/* 12 */ { "PWM0_0", "SD4", "DPI_D8", "SPI5_CE0_N", "TXD5", "SDA5" },
	/* 13 */ { "PWM0_1", "SD5", "DPI_D9", "SPI5_MISO", "RXD5", "SCL5" },
	/* 14 */ { "TXD0", "SD6", "DPI_D10", "SPI5_MOSI", "CTS5", "TXD1" },
	/* 15 */ { "RXD0", "SD7", "DPI_D11", "SPI5_SCLK", "RTS5", "RXD1" },
	/* 16 */ { NULL, "SD8", "DPI_D12", "CTS0", "SPI1_CE2_N", "CTS1" },
	/* 17 */ { NULL, "SD9", "DPI_D13", "RTS0", "SPI1_CE1_N", "RTS1" },
	/* 18 */ { "PCM_CLK", "SD10", "DPI_D14", "SPI6_CE0_N", "SPI1_CE0_N", "PWM0_0" },
	/* 19 */ { "PCM_FS", "SD11", "DPI_D15", "SPI6_MISO", "SPI1_MISO", "PWM0_1" },
	/* 20 */ { "PCM_DIN", "SD12", "DPI_D16", "SPI6_MOSI", "SPI1_MOSI", "GPCLK0" },
	/* 21 */ { "PCM_DOUT", "SD13", "DPI_D17", "SPI6_SCLK", "SPI1_SCLK", "GPCLK1" },
	/* 22 */ { "SD0_CLK", "SD14", "DPI_D18", "SD1_CLK", "ARM_TRST", "SDA6" },
	/* 23 */ { "SD0_CMD", "SD15", "DPI_D19", "SD1_CMD", "ARM_RTCK", "SCL6" },
	/* 24 */ { "SD0_DAT0", "SD16", "DPI_D20", "SD1_DAT0", "ARM_TDO", "SPI3_CE1_N" },
	/* 25 */ { "SD0_DAT1", "SD17", "DPI_D21", "SD1_DAT1", "ARM_TCK", "SPI4_CE1_N" },
	/* 26 */ { "SD0_DAT2", NULL, "DPI_D22", "SD1_DAT2", "ARM_TDI", "SPI5_CE1_N" },
	/* 27 */ { "SD0_DAT3", NULL, "DPI_D23", "SD1_DAT3", "ARM_TMS", "SPI6_CE1_N" },
	/* 28 */ { "SDA0", "SA5", "PCM_CLK", NULL, "MII_A_RX_ERR", "RGMII_MDIO" },
	/* 29 */ { "SCL0", "SA4", "PCM_FS", NULL, "MII_A_TX_ERR", "RGMII_MDC" },
	/* 30 */ { NULL, "SA3", "PCM_DIN", "CTS0", "MII_A_CRS", "CTS1" },
	/* 31 */ { NULL, "SA2", "PCM_DOUT", "RTS0", "MII_A_COL", "RTS1" },
	/* 32 */ { "GPCLK0", "SA1", NULL, "TXD0", "SD_CARD_PRES", "TXD1" },
	/* 33 */ { NULL, "SA0", NULL, "RXD0", "SD_CARD_WRPROT", "RXD1" },
	/* 34 */ { "GPCLK0", "SOE_N_SE", NULL, "SD1_CLK", "SD_CARD_LED", "RGMII_IRQ" },
	/* 35 */ { "SPI0_CE1_N", "SWE_N_SRW_N", NULL, "SD1_CMD", "RGMII_START_STOP", NULL },
	/* 36 */ { "SPI0_CE0_N", "SD0", "TXD0", "SD1_DAT0", "RGMII_RX_OK", "MII_A_RX_ERR" },
	/* 37 */ { "SPI0_MISO", "SD1", "RXD0", "SD1_DAT1", "RGMII_MDIO", "MII_A_TX_ERR" },
	/* 38 */ { "SPI0_MOSI", "SD2", "RTS0", "SD1_DAT2", "RGMII_MDC", "MII_A_CRS" },
	/* 39 */ { "SPI0_SCLK", "SD3", "CTS0", "SD1_DAT3", "RGMII_IRQ", "MII_A_COL" },
	/* 40 */ { "PWM1_0", "SD4", NULL, "SD1_DAT4", "SPI0_MISO", "TXD1" },
	/* 41 */ { "PWM1_1", "SD5", NULL, "SD1_DAT5", "SPI0_MOSI", "RXD1" },
	/* 42 */ { "GPCLK1", "SD6", NULL, "SD1_DAT6", "SPI0_SCLK", "RTS1" },
	/* 43 */ { "GPCLK2", "SD7", NULL, "SD1_DAT7", "SPI0_CE0_N", "CTS1" },
	/* 44 */ { "GPCLK1", "SDA0", "SDA1", NULL, "SPI0_CE1_N", "SD_CARD_VOLT" },
	/* 45 */ { "PWM0_1", "SCL0", "SCL1", NULL, "SPI0_CE2_N", "SD_CARD_PWR0" },
	/* 46 */ { "SDA0", "SDA1", "SPI0_CE0_N", NULL, NULL, "SPI2_CE1_N" },
	/* 47 */ { "SCL0", "SCL1", "SPI0_MISO", NULL, NULL, "SPI2_CE0_N" },
	/* 48 */ { "SD0_CLK", NULL, "SPI0_MOSI", "SD1_CLK", "ARM_TRST", "SPI2_SCLK" },
	/* 49 */ { "SD0_CMD", "GPCLK0", "SPI0_SCLK", "SD1_CMD", "ARM_RTCK", "SPI2_MOSI" },
	/* 50 */ { "SD0_DAT0", "GPCLK1", "PCM_CLK", "SD1_DAT0", "ARM_TDO", "SPI2_MISO" },
	/* 51 */ { "SD0_DAT1", "GPCLK2", "PCM_FS", "SD1_DAT1", "ARM_TCK", "SD_CARD_LED" },
	/* 52 */ { "SD0_DAT2", "PWM0_0", "PCM_DIN", "SD1_DAT2", "ARM_TDI", NULL },
	/* 53 */ { "SD0_DAT3", "PWM0_1", "PCM_DOUT", "SD1_DAT3", "ARM_TMS", NULL },
	/* 54 */ { "IR_IN", NULL, NULL, NULL, NULL, NULL },
	/* 55 */ { NULL, NULL, NULL, NULL, NULL, NULL },
	/* 56 */ { NULL, NULL, NULL, NULL, NULL, NULL },
	/* 57 */ { NULL, NULL, NULL, NULL, NULL, NULL },
};

#define RP1_ALTS 9

static const char *const alt_rp1[][RP1_ALTS] = {
	/*  0 */ { "SPI0_SIO3", "DPI_PCLK", "TXD1", "SDA0", NULL, "SYS_RIO00", "PROC_RIO00", "PIO0", "SPI2_CE0" },
	/*  1 */ { "SPI0_SIO2", "DPI_DE", "RXD1", "SCL0", NULL, "SYS_RIO01", "PROC_RIO01", "PIO1", "SPI2_SIO1" },
	/*  2 */ { "SPI0_CE3", "DPI_VSYNC", "CTS1", "SDA1", "IR_RX0", "SYS_RIO02", "PROC_RIO02", "PIO2", "SPI2_SIO0" },
	/*  3 */ { "SPI0_CE2", "DPI_HSYNC", "RTS1", "SCL1", "IR_TX0", "SYS_RIO03", "PROC_RIO03", "PIO3", "SPI2_SCLK" },
	/*  4 */ { "GPCLK0", "DPI_D0", "TXD2", "SDA2", "RI0", "SYS_RIO04", "PROC_RIO04", "PIO4", "SPI3_CE0" },
	/*  5 */ { "GPCLK1", "DPI_D1", "RXD2", "SCL2", "DTR0", "SYS_RIO05", "PROC_RIO05", "PIO5", "SPI3_SIO1" },
	/*  6 */ { "GPCLK2", "DPI_D2", "CTS2", "SDA3", "DCD0", "SYS_RIO06", "PROC_RIO06", "PIO6", "SPI3_SIO0" },
	/*  7 */ { "SPI0_CE1", "DPI_D3", "RTS2", "SCL3", "DSR0", "SYS_RIO07", "PROC_RIO07", "PIO7", "SPI3_SCLK" },
	/*  8 */ { "SPI0_CE0", "DPI_D4", "TXD3", "SDA0", NULL, "SYS_RIO08", "PROC_RIO08", "PIO8", "SPI4_CE0" },
	/*  9 */ { "SPI0_MISO", "DPI_D5", "RXD3", "SCL0", NULL, "SYS_RIO09", "PROC_RIO09", "PIO9", "SPI4_SIO0" },
	/* 10 */ { "SPI0_MOSI", "DPI_D6", "CTS3", "SDA1", NULL, "SYS_RIO010", "PROC_RIO010", "PIO10", "SPI4_SIO1" },
	/* 11 */ { "SPI0_SCLK", "DPI_D7", "RTS3", "SCL1", NULL, "SYS_RIO011", "PROC_RIO011", "PIO11", "SPI4_SCLK" },
	/* 12 */ { "PWM0_CHAN0", "DPI_D8", "TXD4", "SDA2", "AAUD_LEFT", "SYS_RIO012", "PROC_RIO012", "PIO12", "SPI5_CE0" },
	/* 13 */ { "PWM0_CHAN1", "DPI_D9", "RXD4", "SCL2", "AAUD_RIGHT", "SYS_RIO013", "PROC_RIO013", "PIO13", "SPI5_SIO1" },
	/* 14 */ { "PWM0_CHAN2", "DPI_D10", "CTS4", "SDA3", "TXD0", "SYS_RIO014", "PROC_RIO014", "PIO14", "SPI5_SIO0" },
	/* 15 */ { "PWM0_CHAN3", "DPI_D11", "RTS4", "SCL3", "RXD0", "SYS_RIO015", "PROC_RIO015", "PIO15", "SPI5_SCLK" },
	/* 16 */ { "SPI1_CE2", "DPI_D12", "DSI0_TE_EXT", NULL, "CTS0", "SYS_RIO016", "PROC_RIO016", "PIO16", NULL },
	/* 17 */ { "SPI1_CE1", "DPI_D13", "DSI1_TE_EXT", NULL, "RTS0", "SYS_RIO017", "PROC_RIO017", "PIO17", NULL },
	/* 18 */ { "SPI1_CE0", "DPI_D14", "I2S0_SCLK", "PWM0_CHAN2", "I2S1_SCLK", "SYS_RIO018", "PROC_RIO018", "PIO18", "GPCLK1" },
	/* 19 */ { "SPI1_MISO", "DPI_D15", "I2S0_WS", "PWM0_CHAN3", "I2S1_WS", "SYS_RIO019", "PROC_RIO019", "PIO19", NULL },
	/* 20 */ { "SPI1_MOSI", "DPI_D16", "I2S0_SDI0", "GPCLK0", "I2S1_SDI0", "SYS_RIO020", "PROC_RIO020", "PIO20", NULL },
	/* 21 */ { "SPI1_SCLK", "DPI_D17", "I2S0_SDO0", "GPCLK1", "I2S1_SDO0", "SYS_RIO021", "PROC_RIO021", "PIO21", NULL },
	/* 22 */ { "SD0_CLK", "DPI_D18", "I2S0_SDI1", "SDA3", "I2S1_SDI1", "SYS_RIO022", "PROC_RIO022", "PIO22", NULL },
	/* 23 */ { "SD0_CMD", "DPI_D19", "I2S0_SDO1", "SCL3", "I2S1_SDO1", "SYS_RIO023", "PROC_RIO023", "PIO23", NULL },
	/* 24 */ { "SD0_DAT0", "DPI_D20", "I2S0_SDI2", NULL, "I2S1_SDI2", "SYS_RIO024", "PROC_RIO024", "PIO24", "SPI2_CE1" },
	/* 25 */ { "SD0_DAT1", "DPI_D21", "I2S0_SDO2", "MIC_CLK", "I2S1_SDO2", "SYS_RIO025", "PROC_RIO025", "PIO25", "SPI3_CE1" },
	/* 26 */ { "SD0_DAT2", "DPI_D22", "I2S0_SDI3", "MIC_DAT0", "I2S1_SDI3", "SYS_RIO026", "PROC_RIO026", "PIO26", "SPI5_CE1" },
	/* 27 */ { "SD0_DAT3", "DPI_D23", "I2S0_SDO3", "MIC_DAT1", "I2S1_SDO3", "SYS_RIO027", "PROC_RIO027", "PIO27", "SPI1_CE1" },
	/* 28 */ { "SD1_CLK", "SDA4", "I2S2_SCLK", "SPI6_MISO", "VBUS_EN0", "SYS_RIO10", "PROC_RIO10", NULL, NULL },
	/* 29 */ { "SD1_CMD", "SCL4", "I2S2_WS", "SPI6_MOSI", "VBUS_OC0", "SYS_RIO11", "PROC_RIO11", NULL, NULL },
	/* 30 */ { "SD1_DAT0", "SDA5", "I2S2_SDI0", "SPI6_SCLK", "TXD5", "SYS_RIO12", "PROC_RIO12", NULL, NULL },
	/* 31 */ { "SD1_DAT1", "SCL5", "I2S2_SDO0", "SPI6_CE0", "RXD5", "SYS_RIO13", "PROC_RIO13", NULL, NULL },
	/* 32 */ { "SD1_DAT2", "GPCLK3", "I2S2_SDI1", "SPI6_CE1", "CTS5", "SYS_RIO14", "PROC_RIO14", NULL, NULL },
	/* 33 */ { "SD1_DAT3", "GPCLK4", "I2S2_SDO1", "SPI6_CE2", "RTS5", "SYS_RIO15", "PROC_RIO15", NULL, NULL },
	/* 34 */ { "PWM1_CHAN2", "GPCLK3", "VBUS_EN0", "SDA4", "MIC_CLK", "SYS_RIO20", "PROC_RIO20", NULL, NULL },
	/* 35 */ { "SPI8_CE1", "PWM1_CHAN0", "VBUS_OC0", "SCL4", "MIC_DAT0", "SYS_RIO21", "PROC_RIO21", NULL, NULL },
	/* 36 */ { "SPI8_CE0", "TXD5", "PCIE_CLKREQ_N", "SDA5", "MIC_DAT1", "SYS_RIO22", "PROC_RIO22", NULL, NULL },
	/* 37 */ { "SPI8_MISO", "RXD5", "MIC_CLK", "SCL5", "PCIE_CLKREQ_N", "SYS_RIO23", "PROC_RIO23", NULL, NULL },
	/* 38 */ { "SPI8_MOSI", "RTS5", "MIC_DAT0", "SDA6", "AAUD_LEFT", "SYS_RIO24", "PROC_RIO24", "DSI0_TE_EXT", NULL },
	/* 39 */ { "SPI8_SCLK", "CTS5", "MIC_DAT1", "SCL6", "AAUD_RIGHT", "SYS_RIO25", "PROC_RIO25", "DSI1_TE_EXT", NULL },
	/* 40 */ { "PWM1_CHAN1", "TXD5", "SDA4", "SPI6_MISO", "AAUD_LEFT", "SYS_RIO26", "PROC_RIO26", NULL, NULL },
	/* 41 */ { "PWM1_CHAN2", "RXD5", "SCL4", "SPI6_MOSI", "AAUD_RIGHT", "SYS_RIO27", "PROC_RIO27", NULL, NULL },
	/* 42 */ { "GPCLK5", "RTS5", "VBUS_EN1", "SPI6_SCLK", "I2S2_SCLK", "SYS_RIO28", "PROC_RIO28", NULL, NULL },
	/* 43 */ { "GPCLK4", "CTS5", "VBUS_OC1", "SPI6_CE0", "I2S2_WS", "SYS_RIO29", "PROC_RIO29", NULL, NULL },
	/* 44 */ { "GPCLK5", "SDA5", "PWM1_CHAN0", "SPI6_CE1", "I2S2_SDI0", "SYS_RIO210", "PROC_RIO210", NULL, NULL },
	/* 45 */ { "PWM1_CHAN3", "SCL5", "SPI7_CE0", "SPI6_CE2", "I2S2_SDO0", "SYS_RIO211", "PROC_RIO211", NULL, NULL },
	/* 46 */ { "GPCLK3", "SDA4", "SPI7_MOSI", "MIC_CLK", "I2S2_SDI1", "SYS_RIO212", "PROC_RIO212", "DSI0_TE_EXT", NULL },
	/* 47 */ { "GPCLK5", "SCL4", "SPI7_MISO", "MIC_DAT0", "I2S2_SDO1", "SYS_RIO213", "PROC_RIO213", "DSI1_TE_EXT", NULL },
	/* 48 */ { "PWM1_CHAN0", "PCIE_CLKREQ_N", "SPI7_SCLK", "MIC_DAT1", "TXD5", "SYS_RIO214", "PROC_RIO214", NULL, NULL },
	/* 49 */ { "SPI8_SCLK", "SPI7_SCLK", "SDA5", "AAUD_LEFT", "RXD5", "SYS_RIO215", "PROC_RIO215", NULL, NULL },
	/* 50 */ { "SPI8_MISO", "SPI7_MOSI", "SCL5", "AAUD_RIGHT", "VBUS_EN2", "SYS_RIO216", "PROC_RIO216", NULL, NULL },
	/* 51 */ { "SPI8_MOSI", "SPI7_MISO", "SDA6", "AAUD_LEFT", "VBUS_OC2", "SYS_RIO217", "PROC_RIO217", NULL, NULL },
	/* 52 */ { "SPI8_CE0", NULL, "SCL6", "AAUD_RIGHT", "VBUS_EN3", "SYS_RIO218", "PROC_RIO218", NULL, NULL },
	/* 53 */ { "SPI8_CE1", "SPI7_CE0", NULL, "PCIE_CLKREQ_N", "VBUS_OC3", "SYS_RIO219", "PROC_RIO219", NULL, NULL },
};

#define ROWS(table) (sizeof(table) / sizeof(table[0]))

static const char *lookup(const char *const (*table)[ALTS], size_t rows,
			  unsigned pin, unsigned alt)
{
	return pin < rows && alt < ALTS ? table[pin][alt] : NULL;
}

const char *pgr_alt_name_bcm2835(unsigned pin, unsigned alt)
{
	return lookup(alt_bcm2835, ROWS(alt_bcm2835), pin, alt);
}

const char *pgr_alt_name_bcm2711(unsigned pin, unsigned alt)
{
	return lookup(alt_bcm2711, ROWS(alt_bcm2711), pin, alt);
}

const char *pgr_alt_name_rp1(unsigned pin, unsigned alt)
{
	return pin < ROWS(alt_rp1) && alt < RP1_ALTS ? alt_rp1[pin][alt] : NULL;
}
